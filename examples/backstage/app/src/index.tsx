import '@backstage/cli/asset-types';
// Styles of Backstage UI, which the new frontend system's pages (catalog entity header, tabs) are built with.
import '@backstage/ui/css/styles.css';
import ReactDOM from 'react-dom/client';
import app from './App';

ReactDOM.createRoot(document.getElementById('root')!).render(app.createRoot());
