// Every Mantine component's styles (core, then dates: Mantine's order), in `@layer mantine` like first-load.ts. Loaded
// once the first page is shown, and awaited by every page loaded on demand (routes/lazy.ts).
import '@mantine/core/styles.layer.css'
import '@mantine/dates/styles.layer.css'
