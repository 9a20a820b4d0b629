import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import { mailFrameDocument, mailFrameHeight } from './mail-frame.js';

/**
 * An email's HTML in a frame with an empty sandbox and its own content policy: on top of the server's
 * sanitising, nothing in it can run, reach this window, submit, open windows or load from the network.
 */
export function MailFrame({ html, text, title }: { html: string; text: string; title: string }) {
  const document = useMemo(() => mailFrameDocument(html), [html]);
  const boxRef = useRef<HTMLDivElement>(null);
  // Measured once, before the first paint: the height follows from how many characters fit a line.
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => setWidth(boxRef.current?.clientWidth ?? 0), []);

  return (
    <div ref={boxRef} className="mail-frame" style={{ height: mailFrameHeight(text, width) }}>
      <iframe className="mail-frame__frame" sandbox="" srcDoc={document} title={title} referrerPolicy="no-referrer" data-testid="mail-frame" />
    </div>
  );
}
