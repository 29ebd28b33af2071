// The curator's dashboard, an extension page of its own (opened from the popup and the programme panel).
import { render } from 'preact';
import { Dashboard } from '../../dashboard/Dashboard.tsx';
import '../../components/surface.css';
import '../../dashboard/dashboard.css';

render(<Dashboard />, document.getElementById('app') as HTMLElement);
