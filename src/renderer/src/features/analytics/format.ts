import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnalyticsGrouping } from '../../../../shared/analytics/query.js';
import type { AnalyticsGroup } from '../../../../shared/analytics/report.js';
import type { MetricFormat } from './metrics.js';

/**
 * Figures in the language on screen: durations in minutes, hours or days as Intl writes them ("25 min",
 * "3,5 godz."), rates as percentages, "—" where nothing was measured.
 */
export function useFigureFormat(): (value: number | null, format: MetricFormat) => string {
  const { i18n, t } = useTranslation('analytics');
  const language = i18n.language;
  return useMemo(() => {
    const unit = (name: 'minute' | 'hour' | 'day', digits: number) => new Intl.NumberFormat(language, { style: 'unit', unit: name, unitDisplay: 'short', maximumFractionDigits: digits });
    const minutes = unit('minute', 0);
    const hours = unit('hour', 1);
    const days = unit('day', 1);
    const percent = new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 });
    const count = new Intl.NumberFormat(language, { maximumFractionDigits: 0 });
    const score = new Intl.NumberFormat(language, { minimumFractionDigits: 1, maximumFractionDigits: 2 });
    return (value, format) => {
      if (value === null) return t('none');
      switch (format) {
        case 'minutes':
          if (value < 90) return minutes.format(value);
          return value < 48 * 60 ? hours.format(value / 60) : days.format(value / 1440);
        case 'rate':
          return percent.format(value);
        case 'score':
          return score.format(value);
        case 'count':
          return count.format(value);
      }
    };
  }, [language, t]);
}

/** A group's name: a queue's or agent's own, or a code (channel, tier, priority) in the language on screen. */
export function useGroupName(grouping: AnalyticsGrouping): (group: AnalyticsGroup) => string {
  const { t } = useTranslation(['analytics', 'labels']);
  return (group) => {
    if (grouping === 'none') return t('groups.all');
    if (group.key === null) return t(grouping === 'agent' ? 'groups.unassigned' : 'groups.noValue');
    if (group.name) return group.name;
    if (grouping === 'channel' || grouping === 'priority' || grouping === 'customerTier') return t(`labels:${grouping}.${group.key}` as never);
    return group.key;
  };
}
