import type { Instrument, Item, Language } from '../../core/instruments';
import { LikertGroup } from './likert-group';
import { PaperPointsInput } from './paper-points-input';
import { RatingLine } from './rating-line';

export interface FormItemProps {
  readonly instrument: Instrument;
  readonly item: Item;
  readonly language: Language;
  readonly value: number | undefined;
  readonly onChange: (value: number) => void;
  /** Clinician entering a paper form: rating lines get a points box next to the line. */
  readonly paperEntry: boolean;
}

const childInstruments = new Set(['cors', 'csrs']);

/** The right control for one item: a rating line or a labelled option group. */
export function FormItem({ instrument, item, language, value, onChange, paperEntry }: FormItemProps) {
  if (item.kind === 'likert') {
    const options = instrument.scale.type === 'likert' ? instrument.scale.options : [];
    const choices = options.map((option) => ({ value: option.value, label: option.label[language] }));
    return (
      <LikertGroup
        number={item.number}
        statement={item.text[language]}
        choices={choices}
        value={value}
        onChange={onChange}
      />
    );
  }
  const label = item.label[language];
  return (
    <>
      <RatingLine
        label={label}
        gloss={item.gloss?.[language]}
        lowerAnchor={item.lowerAnchor?.[language]}
        upperAnchor={item.upperAnchor?.[language]}
        faces={childInstruments.has(instrument.id)}
        valueMm={value}
        onChange={onChange}
      />
      {paperEntry && <PaperPointsInput label={label} valueMm={value} onChange={onChange} />}
    </>
  );
}
