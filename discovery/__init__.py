"""How crawlers and feed readers find the content: sitemap, robots.txt and the feed addresses."""
