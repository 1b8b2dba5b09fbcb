// Names for the generated API types (schema.d.ts), plus the StreamField body
// blocks, which the OpenAPI document leaves untyped (`body: unknown[]`).
import type { components } from './schema';

type Schemas = components['schemas'];

export type ResponsiveImage = Schemas['ResponsiveImage'];
export type PageHead = Schemas['PageHead'];
export type HomePageData = Schemas['HomePageSchema'];
export type DoctorPageData = Schemas['DoctorPageSchema'];
export type ArticlePageData = Schemas['ArticlePageSchema'];
export type ArticleIndexPageData = Schemas['BlogIndexPageSchema'];
export type StandardPageData = Schemas['StandardPageSchema'];
export type RoutedPage = Schemas['RoutedPage'];
export type RoutedRedirect = Schemas['RoutedRedirect'];
export type SiteData = Schemas['SiteShellSchema'];
export type BookingLinks = Schemas['BookingLinks'];
export type ArticleCard = Schemas['ArticleCard'];
export type ArticleCardPage = Schemas['ArticleCardPage'];
export type ArticleSummary = Schemas['ArticleSummary'];
export type DoctorSummary = Schemas['DoctorSummary'];
export type SearchResults = Schemas['SearchResults'];
export type SearchHit = Schemas['SearchHit'];
export type AppointmentRequest = Schemas['AppointmentRequestIn'];
export type AppointmentCreated = Schemas['AppointmentRequestCreated'];
export type ProblemDetail = Schemas['ProblemDetail'];
export type CtaChannel = Schemas['CtaEventIn']['channel'];

/** Any page the route endpoint can return. */
export type PageData = RoutedPage['page'];

// --- StreamField body (typed adapter: the schema says `unknown[]`) ---------

export interface TableValue {
  data: (string | null)[][];
  first_row_is_table_header?: boolean;
  first_col_is_header?: boolean;
  table_caption?: string;
}

export type BodyBlock =
  | { id: string; type: 'paragraph'; value: string }
  | { id: string; type: 'heading'; value: { text: string; level: 'h2' | 'h3' } }
  | {
      id: string;
      type: 'image';
      value: { image: ResponsiveImage | null; alt_text?: string; caption?: string };
    }
  | { id: string; type: 'quote'; value: { text: string; attribution?: string } }
  | {
      id: string;
      type: 'callout';
      value: { style: 'key-points' | 'note' | 'warning'; title?: string; body: string };
    }
  | { id: string; type: 'faq'; value: { question: string; answer: string } }
  | { id: string; type: 'table'; value: TableValue }
  | { id: string; type: 'embed'; value: string | { url?: string; html?: string; title?: string } | null };

/** The body of an article or standard page, as its typed blocks. */
export function bodyBlocks(body: unknown): BodyBlock[] {
  return Array.isArray(body) ? (body as BodyBlock[]) : [];
}
