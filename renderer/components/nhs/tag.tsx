/** The design system's tag, coloured from the one status vocabulary in shared/status-tags.ts. */
import type { StatusTag } from '../../../shared/status-tags';

export function Tag({ tag }: { tag: StatusTag }) {
  return <strong className={`nhsuk-tag nhsuk-tag--${tag.colour}`}>{tag.label}</strong>;
}
