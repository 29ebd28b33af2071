// The pair panel, framed in a journal page by the content script (features/drawer.ts).
import { render } from 'preact';
import { PairPanelFrame } from '../../components/PanelFrames.tsx';
import '../../components/surface.css';
import '../../components/pair-panel.css';
import '../../components/panel-frame.css';

render(<PairPanelFrame />, document.getElementById('app') as HTMLElement);
