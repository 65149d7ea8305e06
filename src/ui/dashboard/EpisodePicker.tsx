import { useTranslation } from 'react-i18next';
import { useFormat } from '../format';
import type { EpisodeView } from './view-model';

/** Which episode of care the charts show: the current one, or an earlier one to look back at. Hidden with one episode. */
export function EpisodePicker({
  episodes,
  shown,
  onShow,
}: {
  readonly episodes: readonly EpisodeView[];
  readonly shown: number;
  readonly onShow: (index: number) => void;
}) {
  const { t } = useTranslation('dashboard');
  const f = useFormat();
  const current = episodes.at(-1)?.index;
  if (episodes.length < 2 || current === undefined) return null;
  return (
    <div className="episode-picker">
      <div role="group" aria-label={t('episode.picker')}>
        {episodes.map((e) => (
          <button
            key={e.index}
            type="button"
            className="episode-button"
            aria-pressed={e.index === shown}
            onClick={() => onShow(e.index)}
          >
            {t(e.index === current ? 'episode.current' : 'episode.earlier', {
              index: e.index,
              date: f.date(e.startDate),
            })}
          </button>
        ))}
      </div>
      {shown !== current && (
        <p className="episode-note" role="status">
          {t('episode.lookingBack', { index: shown })}
        </p>
      )}
    </div>
  );
}
