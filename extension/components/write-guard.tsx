// Write buttons in a panel frame wait until the frame has been visible to the person for a moment.
// The host page controls the frame's element: it could make it transparent, cover it or move it
// under the pointer and lure a click (clickjacking). Chrome's IntersectionObserver v2
// (trackVisibility) says whether the frame is on screen unobscured, unfaded and untransformed; where
// it is missing, a short delay after the panel shows. Outside the frames (popup, options) writes are always armed.
import { type ComponentChildren, createContext } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';

const WritesArmed = createContext(true);

/** Whether write buttons may act now (false while the frame is not plainly visible). */
export function useWritesArmed(): boolean {
  return useContext(WritesArmed);
}

/** How long the frame must have been visible before a write button works (ms). */
export const armAfterMs = 400;

interface VisibilityEntry extends IntersectionObserverEntry {
  isVisible?: boolean;
}

/** Whether this browser reports IntersectionObserver v2 visibility. */
export function tracksVisibility(): boolean {
  return typeof IntersectionObserverEntry !== 'undefined' && 'isVisible' in IntersectionObserverEntry.prototype;
}

/** Arms writes only while `document.body` has been seen whole and unobscured for armAfterMs. */
export function ArmWhenVisible({ children }: { children: ComponentChildren }) {
  const [armed, setArmed] = useState(false);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const seen = (visible: boolean) => {
      clearTimeout(timer);
      if (!visible) {
        setArmed(false);
        return;
      }
      timer = setTimeout(() => setArmed(document.visibilityState === 'visible'), armAfterMs);
    };
    const v2 = tracksVisibility();
    const observer = new IntersectionObserver(
      (entries) => {
        const entry = entries.at(-1) as VisibilityEntry | undefined;
        if (entry) seen(v2 ? entry.isVisible === true : entry.isIntersecting);
      },
      // trackVisibility needs a delay of at least 100 ms between notifications.
      { threshold: [0, 1], ...(v2 ? { trackVisibility: true, delay: 100 } : {}) } as IntersectionObserverInit,
    );
    observer.observe(document.body);
    const onVisibility = () => {
      if (document.visibilityState !== 'visible') seen(false);
    };
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      clearTimeout(timer);
      observer.disconnect();
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, []);
  return (
    <WritesArmed.Provider value={armed}>
      <div data-writes-armed={armed} style={{ display: 'contents' }}>
        {children}
      </div>
    </WritesArmed.Provider>
  );
}
