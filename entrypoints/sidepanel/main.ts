// Side panel entrypoint: mounts the softphone view with its Pinia stores.
import { createApp } from 'vue';
import { createPinia } from 'pinia';
import SoftphonePanel from '@/components/softphone/SoftphonePanel.vue';

createApp(SoftphonePanel).use(createPinia()).mount('#app');
