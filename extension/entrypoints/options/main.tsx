import { render } from 'preact';
import { Options } from '../../components/Options.tsx';
import '../../components/surface.css';
import './options.css';

render(<Options />, document.getElementById('app') as HTMLElement);
