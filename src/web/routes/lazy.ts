import { lazyRouteComponent } from '@tanstack/react-router'

// Pages outside the first load (docs/MODULES.md, "First load"). The first load carries the sign-in, the home page, the
// caseload and the layout, with the styles of their components only (styles/first-load.ts); any other page is a chunk
// of its own, fetched when it is opened or a link to it is hovered, together with every component's styles.

let allStyles: Promise<unknown> | undefined

/** Every Mantine component's styles (styles/all.ts): asked once the first page is shown, and by any page on demand. */
export const loadAllStyles = () => {
  allStyles ??= import('../styles/all.ts')
  return allStyles
}

/**
 * A page (or a tab, or any component) loaded on demand: `lazyPage(() => import('./x.page.tsx'), 'XPage')`. It is
 * shown once both its chunk and every component's styles are there; its `preload` lets the router fetch it while the
 * route loads, and a chunk gone with a new version of the app reloads the page once (lazyRouteComponent).
 */
export function lazyPage<T extends Record<string, unknown>, K extends keyof T & string>(
  importer: () => Promise<T>,
  name: K,
) {
  return lazyRouteComponent(() => Promise.all([importer(), loadAllStyles()]).then(([module]) => module), name)
}
