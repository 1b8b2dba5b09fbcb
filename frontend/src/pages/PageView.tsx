import type { PageHead, ArticleIndexPageData, ArticlePageData, DoctorPageData, HomePageData, PageData, StandardPageData } from '../api/types';
import { ArticleIndexPage } from './ArticleIndexPage';
import { ArticlePage } from './ArticlePage';
import { DoctorPage } from './DoctorPage';
import { HomePage } from './HomePage';
import { StandardPage } from './StandardPage';

/** The component for a page, chosen by its content type (`meta.type`). */
export function PageView({ page, head }: { page: PageData; head: PageHead }) {
  switch (page.meta.type) {
    case 'home.HomePage':
      return <HomePage page={page as HomePageData} head={head} />;
    case 'home.DoctorPage':
      return <DoctorPage page={page as DoctorPageData} head={head} />;
    case 'blog.BlogIndexPage':
      return <ArticleIndexPage page={page as ArticleIndexPageData} head={head} />;
    case 'blog.ArticlePage':
      return <ArticlePage page={page as ArticlePageData} head={head} />;
    default:
      return <StandardPage page={page as StandardPageData} />;
  }
}
