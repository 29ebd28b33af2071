// The drawer both panels (and the frame's placeholder) are drawn in: a dialog on the right with its
// heading and a close button; Escape closes it wherever the focus is in it (Escape on the page: the
// content script, features/drawer.ts).
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { t } from '../utils/i18n.ts';

export interface DrawerProps {
  testId: string;
  /** The small line above the title (the panel's kind, the school). */
  eyebrow: string;
  /** The drawer's title, focused when `focusKey` changes; without it, the eyebrow names the dialog. */
  title?: { id: string; text: string; focusKey: string };
  closeTestId?: string;
  onClose: () => void;
  children?: ComponentChildren;
}

export function Drawer({ testId, eyebrow, title, closeTestId, onClose, children }: DrawerProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [title?.focusKey]);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <div
      class="panel"
      role="dialog"
      aria-modal="false"
      {...(title ? { 'aria-labelledby': title.id } : { 'aria-label': eyebrow })}
      data-testid={testId}
    >
      <header>
        {title ? (
          <div>
            <p class="eyebrow">{eyebrow}</p>
            <h2 id={title.id} tabIndex={-1} ref={heading}>
              {title.text}
            </h2>
          </div>
        ) : (
          <p class="eyebrow">{eyebrow}</p>
        )}
        <button
          type="button"
          class="close"
          aria-label={t('panel.close')}
          title={t('panel.close')}
          data-testid={closeTestId}
          onClick={onClose}
        >
          ×
        </button>
      </header>
      {children}
    </div>
  );
}
