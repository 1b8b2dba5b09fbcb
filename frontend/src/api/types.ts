// Names for the generated API types (schema.d.ts); nothing here is written by hand.
import type { components } from './schema';

type Schemas = components['schemas'];

export type ResponsiveImage = Schemas['ResponsiveImage'];
export type PageHead = Schemas['PageHead'];
export type HomePageData = Schemas['HomePageSchema'];
export type DoctorPageData = Schemas['DoctorPageSchema'];
export type ArticlePageData = Schemas['ArticlePageSchema'];
export type ArticleIndexPageData = Schemas['BlogIndexPageSchema'];
export type StandardPageData = Schemas['StandardPageSchema'];
/** One block of an article's or standard page's body, told apart by its `type`. */
export type BodyBlock = Schemas['BodyBlock'];
export type TableValue = Schemas['TableValue'];
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
