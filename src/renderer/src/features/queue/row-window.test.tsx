import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { rowsInView, useRowWindow } from './row-window.js';

describe('the rows in view of a list of one row height', () => {
  it('are the rows the view covers, with the overscan each side, kept inside the list', () => {
    expect(rowsInView(100_000, 28, 5, 0, 900)).toEqual({ first: 0, last: 38 });
    expect(rowsInView(100_000, 28, 5, 28 * 1000 + 10, 280)).toEqual({ first: 995, last: 1016 });
    expect(rowsInView(20, 28, 5, 0, 900)).toEqual({ first: 0, last: 19 });
    expect(rowsInView(0, 28, 5, 0, 900)).toEqual({ first: 0, last: -1 });
    // Scrolled far down when a filter left a few rows: nothing until the browser pulls the scroll back.
    expect(rowsInView(10, 28, 5, 28 * 500, 280)).toEqual({ first: 495, last: 494 });
  });

  it('follow the scroll and the view’s size, drawing the overscan once scrolled, and scroll a row into view below the sticky header', () => {
    const scroller = document.createElement('div');
    const body = document.createElement('div');
    let clientHeight = 280;
    Object.defineProperty(scroller, 'clientHeight', { get: () => clientHeight });
    Object.defineProperty(body, 'offsetTop', { value: 31 });
    const { result } = renderHook(() => useRowWindow({ current: scroller }, { current: body }, 100_000, 28, 2));
    // Measured: 280 px, not the window's 768; the rows around it come with the first scroll.
    expect(result.current).toMatchObject({ first: 0, last: 10 });

    act(() => {
      scroller.scrollTop = 28 * 100;
      scroller.dispatchEvent(new Event('scroll'));
    });
    expect(result.current).toMatchObject({ first: 98, last: 112 });

    act(() => result.current.scrollToIndex(50)); // above the view: at its top, right under the header
    expect(scroller.scrollTop).toBe(28 * 50);
    act(() => result.current.scrollToIndex(55)); // in view: no scroll
    expect(scroller.scrollTop).toBe(28 * 50);
    act(() => result.current.scrollToIndex(60)); // below: its bottom at the view's bottom, header included
    expect(scroller.scrollTop).toBe(31 + 28 * 61 - 280);

    clientHeight = 560;
    act(() => scroller.dispatchEvent(new Event('scroll')));
    expect(result.current).toMatchObject({ first: 50, last: 75 }); // 1459 to 2019 px, and 2 more each side
  });
});
