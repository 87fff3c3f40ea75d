// Options page entrypoint: the panel's look, then the settings page (F32).
import '@/components/common/panel-theme.css';
import { startOptionsPage } from '@/components/options/options-app';

void startOptionsPage('#app');
