/** The conformance cases (test/helpers/conformance-cases.ts), written as `Model`s by hand, by case name. */

import type { Model } from '../../server/src/analysis/index.js';
import { all, any, datastore, HOURS, infra, on, one, region, service, site } from './build.js';

export const CASES: Record<string, Model> = {
    '01-single-site': { elements: [
        site('pangyo', { label: 'Pangyo data center' }),
        service('talk', { label: 'Messenger', deployments: [on('pangyo', 12)], users: 43.2e6, tier: 'critical' })
    ] },
    '02-two-sites-one-region': { elements: [
        region('capital', { label: 'Capital area' }),
        site('pangyo', { container: 'capital' }),
        site('ansan', { container: 'capital' }),
        service('talk', { deployments: [on('pangyo', 6), on('ansan', 6)] })
    ] },
    '03-shared-power': { elements: [
        infra('grid', { label: 'Municipal grid', meta: { infraKind: 'power', tags: [] } }),
        infra('diesel', { label: 'Generators at north', meta: { infraKind: 'power', tags: [] } }),
        site('east', { dependsOn: [one('grid')] }),
        site('west', { dependsOn: [one('grid')] }),
        site('north', { dependsOn: [any('grid', 'diesel')] }),
        service('api', { deployments: [on('east'), on('west')] }),
        service('web', { deployments: [on('east'), on('north')] }),
        service('batch', { deployments: [on('east')], tier: 'low' })
    ] },
    '04-quorum': { elements: [
        site('a'), site('b'), site('c'),
        datastore('coord', { deployments: [on('a'), on('b'), on('c')], quorum: 2 }),
        datastore('strict', { deployments: [on('a'), on('b'), on('c')], quorum: 3 })
    ] },
    '05-transitive': { elements: [
        site('pangyo'), site('gasan'),
        service('auth', { label: 'Login', deployments: [on('pangyo', 30)] }),
        service('talk', { deployments: [on('pangyo', 100), on('gasan', 100)], dependsOn: [one('auth')], users: 43.2e6 }),
        service('pay', { deployments: [on('gasan')], dependsOn: [one('talk')], users: 20e6, tier: 'high' })
    ] },
    '06-failover-timing': { elements: [
        region('kr'),
        site('pangyo', { container: 'kr', recovery: 10 * HOURS }),
        site('ansan', { container: 'kr', recovery: 4 * HOURS }),
        service('auth', { deployments: [on('pangyo', 10), on('ansan', 10, true)], failover: 30 }),
        service('talk', { deployments: [on('pangyo', 100)], dependsOn: [one('auth')] }),
        service('bank', { deployments: [on('ansan')], dependsOn: [one('auth')] })
    ] },
    '07-soft-and-capacity': { elements: [
        site('east'), site('west'),
        service('media', { deployments: [on('east')] }),
        service('talk', { deployments: [on('east', 8), on('west', 4)], capacity: 6, uses: ['media'], users: 1e6 }),
        service('gateway', { deployments: [on('east'), on('west')], dependsOn: [one('talk')] })
    ] },
    '08-cycle': { elements: [
        site('dc1'), site('dc2'),
        service('network', { deployments: [on('dc1'), on('dc2')], dependsOn: [one('monitoring')] }),
        service('monitoring', { deployments: [on('dc1')], dependsOn: [one('network')] })
    ] },
    '09-backup-and-observer': { elements: [
        region('strasbourg', { label: 'Strasbourg campus' }),
        region('roubaix'),
        site('sbg1', { container: 'strasbourg' }),
        site('sbg2', { container: 'strasbourg' }),
        site('rbx', { container: 'roubaix' }),
        datastore('vps-disks', { deployments: [on('sbg2')], backups: ['sbg1'] }),
        datastore('game-saves', { deployments: [on('sbg1')], backups: ['sbg1'] }),
        datastore('archive', { deployments: [on('sbg1'), on('rbx')], replication: 'async' }),
        service('storage', { deployments: [on('sbg1'), on('sbg2')] }),
        service('status', { label: 'Status page', deployments: [on('sbg1')], monitors: ['storage'] })
    ] },
    '10-availability': { elements: [
        site('a', { availability: 0.99 }),
        site('b', { availability: 0.99 }),
        infra('grid', { availability: 0.999, meta: { infraKind: 'power', tags: [] } }),
        service('db', { deployments: [on('a'), on('b')] }),
        service('app', { deployments: [on('a'), on('b')], dependsOn: all('db', 'grid'), slo: 0.9999 })
    ] },
    '11-imports': { elements: [
        service('portal', { deployments: [on('seoul'), on('busan')], dependsOn: [one('auth')] }),
        service('auth', { deployments: [on('seoul')] }),
        site('seoul'), site('busan')
    ] },
    '12-standby-and-alternatives': { elements: [
        region('kr', { recovery: 10 * HOURS }),
        site('seoul', { container: 'kr', recovery: 4 * HOURS }),
        site('busan', { recovery: 2 * HOURS }),
        site('daejeon'),
        service('ledger', { deployments: [on('seoul'), on('busan', 1, true)], quorum: 2, failover: 15, users: 2e6 }),
        service('search-a', { deployments: [on('seoul', 2), on('daejeon', 2)], capacity: 3 }),
        service('search-b', { deployments: [on('busan', 2)] }),
        service('portal', { dependsOn: [any('search-a', 'search-b')], users: 5e6 }),
        service('api', { deployments: [on('daejeon')], dependsOn: [one('search-a')], users: 1e6 })
    ] }
};
