// The curator's programme panel, framed in a journal page by the content script (features/drawer.ts).
import { render } from 'preact';
import { ProgrammePanelFrame } from '../../components/PanelFrames.tsx';
import '../../components/surface.css';
import '../../components/pair-panel.css';
import '../../components/programme-panel.css';
import '../../components/panel-frame.css';

render(<ProgrammePanelFrame />, document.getElementById('app') as HTMLElement);
