// Asked while the app's scripts download (docs/performance.md, "Web delivery"): when the caseload is opened as it
// opens from the navigation (/portefeuille, no criteria), its first page is preloaded, and the app's own request for it
// (the route's loader, caseload.web.ts) is answered from there instead of waiting for every script to run. A file, not
// an inline script: the Content-Security-Policy allows scripts from the server only. The address is the one the app
// asks (caseloadQuery with the default criteria): early.unit.test.ts checks it.
if (location.pathname === '/portefeuille' && location.search === '') {
  const link = document.createElement('link')
  link.rel = 'preload'
  link.as = 'fetch'
  link.crossOrigin = 'anonymous'
  link.href = '/api/caseload?page=1&pageSize=25&sort=name&order=asc'
  document.head.append(link)
}
