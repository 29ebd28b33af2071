import { render } from 'preact';
import { Popup } from '../../components/Popup.tsx';
import '../../components/surface.css';
import './popup.css';

render(<Popup />, document.getElementById('app') as HTMLElement);
