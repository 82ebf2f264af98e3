/**
 * Settings. `topo.severity.<code>` (error | warning | information | hint | off) overrides the
 * severity of a finding; read through Langium's ConfigurationProvider. A client that announces a
 * change without the new values (`settings: null`) is asked for the `topo` section. Under them,
 * the `severity` of the nearest topo.json above the document (the file the CLI reads), read
 * again when the editor reports a change to it (document-update-handler.ts) or its time or size
 * changed; a topo.json with a mistake is logged once and left out.
 */
import { DefaultConfigurationProvider, type ConfigurationInitializedParams } from 'langium';
import type { ConfigurationItem, DidChangeConfigurationParams } from 'vscode-languageserver';
import { statSync } from 'node:fs';
import { isFindingCode } from '../analysis/findings/codes.js';
import { ConfigError, findConfigFile, readConfig, type TopoConfig } from '../node/topo-config.js';
import { logger } from './log.js';

export type SeveritySetting = 'error' | 'warning' | 'information' | 'hint' | 'off';

const SPELLINGS: Record<string, SeveritySetting> = {
    error: 'error', warning: 'warning', warn: 'warning', information: 'information', info: 'information',
    hint: 'hint', off: 'off', none: 'off', ignore: 'off'
};

export const SECTION = 'topo';

export class TopoConfigurationProvider extends DefaultConfigurationProvider {
    private fetch?: (items: ConfigurationItem[]) => Promise<unknown>;
    private readonly reported = new Set<string>();

    override async initialized(params: ConfigurationInitializedParams): Promise<void> {
        this.fetch = params.fetchConfiguration;
        return super.initialized(params);
    }

    override updateConfiguration(change: DidChangeConfigurationParams): void {
        const settings = change.settings as Record<string, unknown> | null | undefined;
        if (settings && typeof settings === 'object' && SECTION in settings) {
            super.updateConfiguration(change);
            return;
        }
        if (!this.fetch || !this.workspaceConfig) return;
        this.fetch([{ section: SECTION }])
            .then(values => super.updateConfiguration({ settings: { [SECTION]: Array.isArray(values) ? values[0] ?? null : null } }))
            .catch(error => logger.error('reading the topo settings', error));
    }

    private readonly configFiles = new Map<string, { mtimeMs: number; size: number; config?: TopoConfig }>();

    /**
     * finding code → the severity the user chose for it: the settings, over the topo.json
     * found from `folder` (a document's folder, a file path) upwards
     */
    async severityOverrides(folder?: string): Promise<ReadonlyMap<string, SeveritySetting>> {
        await this.ready;
        const section = this.settings[SECTION] as Record<string, unknown> | null | undefined;
        const overrides = new Map<string, SeveritySetting>(folder === undefined ? [] : this.configFile(folder)?.severity ?? []);
        if (!section || typeof section !== 'object') return overrides;
        const add = (code: string, value: unknown) => {
            if (typeof value !== 'string') return;
            const severity = SPELLINGS[value.trim().toLowerCase()];
            if (severity) overrides.set(code, severity);
            else this.reportOnce(`topo.severity.${code}: "${value}" is not one of error, warning, information, hint, off; ignored`);
        };
        const nested = section.severity;
        if (nested && typeof nested === 'object') {
            for (const [code, value] of Object.entries(nested as Record<string, unknown>)) add(code, value);
        }
        for (const [key, value] of Object.entries(section)) {
            if (key.startsWith('severity.')) add(key.slice('severity.'.length), value);
        }
        return overrides;
    }

    /** The topo.json above `folder`, read again when its size or time changed. */
    private configFile(folder: string): TopoConfig | undefined {
        const file = findConfigFile(folder);
        if (file === undefined) return undefined;
        let info;
        try {
            info = statSync(file);
        } catch {
            return undefined;
        }
        const known = this.configFiles.get(file);
        if (known && known.mtimeMs === info.mtimeMs && known.size === info.size) return known.config;
        let config: TopoConfig | undefined;
        try {
            config = readConfig(file, isFindingCode);
        } catch (error) {
            if (!(error instanceof ConfigError)) throw error;
            this.reportOnce(`${error.message}; its settings are left out`);
        }
        this.configFiles.set(file, { mtimeMs: info.mtimeMs, size: info.size, config });
        return config;
    }

    /** Read `file` again when it is next needed (the editor reported a change: its time may not show it). */
    forgetConfigFile(file: string): void {
        this.configFiles.delete(file);
    }

    private reportOnce(message: string): void {
        if (this.reported.has(message)) return;
        this.reported.add(message);
        logger.log(message);
    }
}
