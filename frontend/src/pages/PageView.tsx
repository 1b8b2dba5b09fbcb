import type { ArticleIndexPageData, ArticlePageData, DoctorPageData, HomePageData, PageData, StandardPageData } from '../api/types';
import { ArticleIndexPage } from './ArticleIndexPage';
import { ArticlePage } from './ArticlePage';
import { DoctorPage } from './DoctorPage';
import { HomePage } from './HomePage';
import { StandardPage } from './StandardPage';

/** The component for a page, chosen by its content type (`meta.type`). */
export function PageView({ page }: { page: PageData }) {
  switch (page.meta.type) {
    case 'home.HomePage':
      return <HomePage page={page as HomePageData} />;
    case 'home.DoctorPage':
      return <DoctorPage page={page as DoctorPageData} />;
    case 'blog.BlogIndexPage':
      return <ArticleIndexPage page={page as ArticleIndexPageData} />;
    case 'blog.ArticlePage':
      return <ArticlePage page={page as ArticlePageData} />;
    default:
      return <StandardPage page={page as StandardPageData} />;
  }
}
