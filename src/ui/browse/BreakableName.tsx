// Chart-given names and paths, wrapped between their words only: a <wbr> after each `/`,
// `-`, `.` and `_` (tree-model.ts nameParts); CSS cuts a longer run with an ellipsis, the
// whole text stays in the title.
import { Fragment } from 'react';
import { nameParts } from './tree-model';

export function BreakableName({
  text,
  className,
  title,
}: {
  text: string;
  className?: string;
  title?: string;
}) {
  return (
    <span className={className} title={title}>
      {nameParts(text).map((part, i) => (
        <Fragment key={i}>
          {i ? <wbr /> : null}
          {part}
        </Fragment>
      ))}
    </span>
  );
}
