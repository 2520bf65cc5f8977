import { lazy, Suspense, useEffect, useRef } from 'react';
import { Loading } from './components/common.js';
import { LanguageSwitcher } from './components/LanguageSwitcher.js';
import { useI18n } from './i18n/index.js';
import { hrefCoverage, hrefImpact, hrefOverview, hrefPrograms, hrefRanking, hrefSources, hrefStatus, hrefTypologies, useRoute, type Route } from './router.js';

// Each page is its own chunk, loaded from this server when it is first opened (the shell, React and the
// dictionaries stay in the main chunk).
const Overview = lazy(() => import('./pages/Overview.js').then((m) => ({ default: m.Overview })));
const TownPage = lazy(() => import('./pages/TownPage.js').then((m) => ({ default: m.TownPage })));
const CoveragePage = lazy(() => import('./pages/CoveragePage.js').then((m) => ({ default: m.CoveragePage })));
const SourcesPage = lazy(() => import('./pages/SourcesPage.js').then((m) => ({ default: m.SourcesPage })));
const StatusPage = lazy(() => import('./pages/StatusPage.js').then((m) => ({ default: m.StatusPage })));
const TypologiesPage = lazy(() => import('./pages/TypologiesPage.js').then((m) => ({ default: m.TypologiesPage })));
const ProgramsPage = lazy(() => import('./pages/ProgramsPage.js').then((m) => ({ default: m.ProgramsPage })));
const ProgramPage = lazy(() => import('./pages/ProgramsPage.js').then((m) => ({ default: m.ProgramPage })));
const ImpactPage = lazy(() => import('./pages/ImpactPage.js').then((m) => ({ default: m.ImpactPage })));
const RankingPage = lazy(() => import('./pages/RankingPage.js').then((m) => ({ default: m.RankingPage })));

function NotFound() {
  const { t } = useI18n();
  useEffect(() => {
    document.title = t('title.notFound');
  }, [t]);
  return (
    <div className="error-panel" data-testid="not-found">
      <h1 tabIndex={-1}>{t('error.pageTitle')}</h1>
      <p>{t('error.pageText')}</p>
      <p>
        <a href={hrefOverview}>{t('town.back')}</a>
      </p>
    </div>
  );
}

function routeKey(r: Route): string {
  return r.page === 'town' ? `town:${r.id}` : r.page === 'program' ? `program:${r.id}` : r.page;
}

function Page({ route }: { route: Route }) {
  switch (route.page) {
    case 'overview':
      return <Overview />;
    case 'town':
      return <TownPage key={route.id} id={route.id} statusYear={route.statusYear} section={route.section} />;
    case 'coverage':
      return <CoveragePage />;
    case 'sources':
      return <SourcesPage focus={route.focus} />;
    case 'status':
      return <StatusPage year={route.year} focus={route.ruleset} />;
    case 'typologies':
      return <TypologiesPage year={route.year} />;
    case 'ranking':
      return <RankingPage preset={route.preset} />;
    case 'programs':
      return <ProgramsPage />;
    case 'program':
      return <ProgramPage key={route.id} id={route.id} asOf={route.asOf} />;
    case 'impact':
      return <ImpactPage />;
    case 'notFound':
      return <NotFound />;
  }
}

export function App() {
  const { t } = useI18n();
  const route = useRoute();
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);
  const key = routeKey(route);

  // After a navigation (not on the first load) go to the top and move focus to the new page's h1,
  // waiting for it while the page loads (unless the user has moved focus meanwhile).
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    window.scrollTo(0, 0);
    const root = main.current;
    if (!root) return;
    const focusHeading = () => {
      const h1 = root.querySelector('h1');
      h1?.focus({ preventScroll: true });
      return h1 !== null;
    };
    if (focusHeading()) return;
    root.focus({ preventScroll: true });
    const observer = new MutationObserver(() => {
      if (document.activeElement !== root || focusHeading()) observer.disconnect();
    });
    observer.observe(root, { childList: true, subtree: true });
    const timer = window.setTimeout(() => observer.disconnect(), 10_000);
    return () => {
      observer.disconnect();
      window.clearTimeout(timer);
    };
  }, [key]);

  return (
    <>
      <a
        className="skip-link"
        href="#main"
        onClick={(e) => {
          e.preventDefault();
          main.current?.focus();
        }}
      >
        {t('app.skip')}
      </a>
      <header className="site-header">
        <div className="wrap header-inner">
          <a className="brand" href={hrefOverview} aria-label={t('app.homeLink')}>
            <span className="brand-mark" aria-hidden="true" />
            <span className="brand-text">
              <span className="brand-name">{t('app.name')}</span>
              <span className="brand-tagline">{t('app.tagline')}</span>
            </span>
          </a>
          <nav aria-label={t('nav.label')} className="site-nav">
            <a href={hrefOverview} aria-current={route.page === 'overview' ? 'page' : undefined} data-testid="nav-overview">
              {t('nav.overview')}
            </a>
            <a href={hrefStatus} aria-current={route.page === 'status' ? 'page' : undefined} data-testid="nav-status">
              {t('nav.status')}
            </a>
            <a href={hrefTypologies} aria-current={route.page === 'typologies' ? 'page' : undefined} data-testid="nav-typologies">
              {t('nav.typologies')}
            </a>
            <a href={hrefRanking} aria-current={route.page === 'ranking' ? 'page' : undefined} data-testid="nav-ranking">
              {t('nav.ranking')}
            </a>
            <a href={hrefPrograms} aria-current={route.page === 'programs' || route.page === 'program' ? 'page' : undefined} data-testid="nav-programs">
              {t('nav.programs')}
            </a>
            <a href={hrefImpact} aria-current={route.page === 'impact' ? 'page' : undefined} data-testid="nav-impact">
              {t('nav.impact')}
            </a>
            <a href={hrefCoverage} aria-current={route.page === 'coverage' ? 'page' : undefined} data-testid="nav-coverage">
              {t('nav.coverage')}
            </a>
            <a href={hrefSources} aria-current={route.page === 'sources' ? 'page' : undefined} data-testid="nav-sources">
              {t('nav.sources')}
            </a>
          </nav>
          <LanguageSwitcher />
        </div>
      </header>
      <main id="main" ref={main} tabIndex={-1} className="wrap">
        <Suspense fallback={<Loading />}>
          <Page route={route} />
        </Suspense>
      </main>
      <footer className="site-footer">
        <div className="wrap">
          <p>{t('footer.data')}</p>
          <p>{t('footer.boundaries')}</p>
          <ul className="footer-links" aria-label={t('footer.linksLabel')}>
            <li>
              <a href="/api/v1/openapi.json" data-testid="openapi-link">
                {t('footer.api')}
              </a>
            </li>
            <li>
              <a href="https://github.com/arodionoff/geokz" rel="noreferrer noopener">
                {t('footer.geokz')}
              </a>
            </li>
            <li>
              <a href="https://creativecommons.org/licenses/by/4.0/" rel="license noreferrer noopener">
                {t('footer.licence')}
              </a>
            </li>
          </ul>
        </div>
      </footer>
    </>
  );
}
