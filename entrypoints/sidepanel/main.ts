// Side panel entrypoint: the panel's look, then the softphone app (stores, translations, session port).
import '@/components/common/panel-theme.css';
import { startSidePanel } from '@/components/softphone/side-panel-app';

void startSidePanel('#app');
