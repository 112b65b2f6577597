import preset from '../../jest.preset.js';

export default { ...preset, displayName: 'orchestrator', rootDir: import.meta.dirname };
