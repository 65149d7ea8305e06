import { useId } from 'react';

export interface LikertChoice {
  readonly value: number;
  readonly label: string;
}

export interface LikertGroupProps {
  readonly number: number;
  readonly statement: string;
  readonly choices: readonly LikertChoice[];
  readonly value: number | undefined;
  readonly onChange: (value: number) => void;
}

/** One WAI-SR statement with its labelled options as a native radio group (arrow keys for free). */
export function LikertGroup({ number, statement, choices, value, onChange }: LikertGroupProps) {
  const name = useId();
  return (
    <fieldset className="tf-likert">
      <legend className="tf-likert__statement">
        <span className="tf-likert__number">{number}.</span> {statement}
      </legend>
      <div className="tf-likert__choices">
        {choices.map((choice) => (
          <label key={choice.value} className="tf-likert__choice">
            <input
              type="radio"
              name={name}
              value={choice.value}
              checked={value === choice.value}
              onChange={() => onChange(choice.value)}
            />
            <span>{choice.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
