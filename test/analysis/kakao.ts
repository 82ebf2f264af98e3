/** The model of spec section 2 (Kakao, October 2022), without its import. */

import type { Model } from '../../server/src/analysis/index.js';
import { all, datastore, HOURS, infra, on, region, service, site } from './build.js';

export const KAKAO: Model = { elements: [
    region('capital', { label: 'Seoul Capital Area' }),
    infra('kepco-seongnam', { label: 'KEPCO Seongnam grid', meta: { infraKind: 'power', tags: [] } }),
    site('pangyo', {
        label: 'SK C&C Pangyo data center', container: 'capital', dependsOn: all('kepco-seongnam'),
        recovery: 10 * HOURS, availability: 0.9995, meta: { operator: 'SK C&C', tags: [] }
    }),
    site('ansan', { label: 'Kakao Ansan', container: 'capital' }),
    service('auth', { label: 'Kakao Account', deployments: [on('pangyo', 30)], tier: 'critical' }),
    service('talk', {
        label: 'KakaoTalk', deployments: [on('pangyo', 200), on('ansan', 40, true)], capacity: 180, failover: 30,
        dependsOn: all('auth', 'messages'), uses: ['media'], users: 43.2e6, tier: 'critical', slo: 0.9999
    }),
    datastore('messages', { label: 'Message store', deployments: [on('pangyo'), on('ansan')], replication: 'async', backups: ['pangyo'] }),
    service('media', { label: 'Photo and video delivery', deployments: [on('pangyo')] }),
    service('status', { label: 'Status page', deployments: [on('pangyo')], monitors: ['talk'] })
] };
