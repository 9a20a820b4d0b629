import { useTranslation } from 'react-i18next';
import { Badge } from '../../ui/Badge.js';

/** Whether customers can read an article, in words (not only colour). */
export function VisibilityBadge({ isPublic }: { isPublic: boolean }) {
  const { t } = useTranslation('knowledge');
  return <Badge kind={isPublic ? 'article-public' : 'article-internal'}>{isPublic ? t('article.public') : t('article.internal')}</Badge>;
}
