import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { isSupportedHost } from '../sites/index.ts';
import { t } from '../utils/i18n.ts';
import { hostPattern, patternHost } from '../utils/journal-hosts.ts';
import { journalHostsItem } from '../utils/storage.ts';

type Message = { text: string; kind: 'ok' | 'warn' | 'error' };

/** «Электронные журналы школы»: hosts the school adds, each asked for on its own. */
export function JournalHosts() {
  const [hosts, setHosts] = useState<string[]>([]);
  const [granted, setGranted] = useState<Record<string, boolean>>({});
  const [input, setInput] = useState('');
  const [message, setMessage] = useState<Message | null>(null);

  const reload = async () => {
    const list = await journalHostsItem.getValue();
    const entries = await Promise.all(list.map(async (p) => [p, await browser.permissions.contains({ origins: [p] })] as const));
    setHosts(list);
    setGranted(Object.fromEntries(entries));
  };
  useEffect(() => {
    void reload();
    const unwatch = journalHostsItem.watch(() => void reload());
    const onChange = () => void reload();
    browser.permissions.onAdded.addListener(onChange);
    browser.permissions.onRemoved.addListener(onChange);
    return () => {
      unwatch();
      browser.permissions.onAdded.removeListener(onChange);
      browser.permissions.onRemoved.removeListener(onChange);
    };
  }, []);

  // The permission request must come straight from the click (a user gesture): nothing is awaited before it.
  const grant = (pattern: string) =>
    browser.permissions.request({ origins: [pattern] }).then(async (ok) => {
      const host = patternHost(pattern);
      if (!ok) {
        setMessage({ text: t('options.hostDenied', { host }), kind: 'error' });
        return false;
      }
      const list = await journalHostsItem.getValue();
      if (!list.includes(pattern)) await journalHostsItem.setValue([...list, pattern]);
      setMessage({ text: t('options.hostAdded', { host }), kind: 'ok' });
      await reload();
      return true;
    });

  const add = (event: Event) => {
    event.preventDefault();
    const pattern = hostPattern(input);
    if (!pattern) {
      setMessage({ text: t('options.hostInvalid'), kind: 'error' });
      return;
    }
    if (isSupportedHost(patternHost(pattern))) {
      setMessage({ text: t('options.hostSupported', { host: patternHost(pattern) }), kind: 'warn' });
      return;
    }
    void grant(pattern).then((ok) => ok && setInput(''));
  };

  const remove = async (pattern: string) => {
    await journalHostsItem.setValue((await journalHostsItem.getValue()).filter((p) => p !== pattern));
    await browser.permissions.remove({ origins: [pattern] });
    setMessage(null);
    await reload();
  };

  return (
    <section aria-labelledby="journal-hosts">
      <h2 id="journal-hosts">{t('options.hosts')}</h2>
      <p class="muted">{t('options.hostsIntro')}</p>
      {hosts.length === 0 ? (
        <p class="muted">{t('options.hostsEmpty')}</p>
      ) : (
        <ul class="hosts">
          {hosts.map((pattern) => (
            <li key={pattern} data-testid="journal-host" data-host={patternHost(pattern)}>
              <code>{patternHost(pattern)}</code>{' '}
              <span class={granted[pattern] ? 'ok' : 'warn'} data-testid="journal-host-status">
                {granted[pattern] ? t('options.hostActive') : t('options.hostNoPermission')}
              </span>
              {!granted[pattern] && (
                <button type="button" class="secondary" onClick={() => void grant(pattern)}>
                  {t('options.hostGrant')}
                </button>
              )}
              <button type="button" class="secondary" onClick={() => void remove(pattern)}>
                {t('options.hostRemove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form class="host-form" onSubmit={add}>
        <label for="journal-host-input">{t('options.hostLabel')}</label>
        <div class="row">
          <input
            id="journal-host-input"
            data-testid="journal-host-input"
            placeholder="journal.school17.ru"
            autocomplete="url"
            value={input}
            onInput={(e) => setInput(e.currentTarget.value)}
          />
          <button type="submit" data-testid="journal-host-add">
            {t('options.hostAdd')}
          </button>
        </div>
      </form>
      {message && (
        <div
          class={`status ${message.kind === 'ok' ? '' : message.kind}`}
          role={message.kind === 'error' ? 'alert' : 'status'}
          data-testid="journal-host-message"
        >
          {message.text}
        </div>
      )}
    </section>
  );
}
