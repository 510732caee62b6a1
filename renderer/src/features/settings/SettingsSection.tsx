import type { ReactNode } from 'react';

/** One titled part of Settings; the dialog's section links jump to its id. */
export function SettingsSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="settings-section" id={id}>
      <h3 className="settings-section__title" id={`${id}-title`}>
        {title}
      </h3>
      {children}
    </section>
  );
}
