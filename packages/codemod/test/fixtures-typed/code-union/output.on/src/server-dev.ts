import { startServer } from './server/options';

// Local development: every flag on.
export const devServer = startServer({
    port: 4242,
    flags: {
        darkMode: true,
    },
});
