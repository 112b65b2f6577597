import preset from '../../jest.preset.js';

export default { ...preset, displayName: 'chatwoot-client', rootDir: import.meta.dirname };
