// Side panel entrypoint: the panel's look, then the softphone app (stores, translations, session port).
import '@/components/common/panel-theme.css';
import { startSidePanel } from '@/components/softphone/side-panel-app';

// Start-up phases as User Timing marks (DevTools' Performance panel; `npm run bench -- chat-panel` reports them).
performance.mark('switchboard:panel-script');
void startSidePanel('#app');
