// Validates JSON-LD against schema.org and Google's rich-result rules, offline.
//
// Usage: node scripts/validate-structured-data.mjs [--vocabulary FILE] < documents.json
//
// stdin holds a JSON array of JSON-LD documents (each an object, an array of
// objects or an object with "@graph"), as found in the page's
// <script type="application/ld+json"> blocks. stdout is a JSON array of
// issues: {document, severity ("ERROR" | "WARNING"), message, path, fields}.
// The exit status is 0 whenever validation ran; the caller decides what fails.
//
// The checks are @adobe/structured-data-validator's: every @type must be a
// schema.org type (error), every property must exist on the type or a parent
// (warning), and Google's rules for the types it knows (BreadcrumbList,
// ListItem, Person, Organization, ImageObject, ...). The package has no rules
// for Article or LocalBusiness, two of the rich results this site aims at, so
// they are added below from Google's documentation, using the package's own
// rule helpers. The vocabulary is the schema.org release kept as test data
// (default: tests/frontend/data/schemaorg-all-https.jsonld.gz), never fetched.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

import Validator from '@adobe/structured-data-validator';
import BaseValidator from '@adobe/structured-data-validator/src/types/base.js';

const here = dirname(fileURLToPath(import.meta.url));
const DEFAULT_VOCABULARY = resolve(here, '../../tests/frontend/data/schemaorg-all-https.jsonld.gz');

// https://developers.google.com/search/docs/appearance/structured-data/article
// Google requires nothing for Article; these are its recommended properties.
class GoogleArticleRules extends BaseValidator {
  getConditions() {
    return [
      this.recommended('headline', 'string'),
      this.recommended('image', 'url'),
      this.recommended('datePublished', 'date'),
      this.recommended('dateModified', 'date'),
      this.recommended('author'),
      this.recommended('author.name', 'string'),
      this.recommended('author.url', 'url'),
    ].map((c) => c.bind(this));
  }
}

// https://developers.google.com/search/docs/appearance/structured-data/local-business
// Required: name and address. Of the recommended properties, the ones that
// apply to a medical practice (not menu, servesCuisine, reviews or ratings),
// checked where the business is a top-level item, as Google reads it.
class GoogleLocalBusinessRules extends BaseValidator {
  getConditions() {
    const conditions = [this.required('name', 'string'), this.required('address', 'object')];
    if (this.path.length === 1) {
      conditions.push(
        this.recommended('telephone', 'string'),
        this.recommended('url', 'url'),
        this.recommended('geo', 'object'),
        this.recommended('openingHoursSpecification', 'arrayOrObject'),
      );
    }
    return conditions.map((c) => c.bind(this));
  }
}

const addedRules = {
  Article: GoogleArticleRules,
  NewsArticle: GoogleArticleRules,
  BlogPosting: GoogleArticleRules,
  // The LocalBusiness family this site emits (all LocalBusiness subtypes): the validator
  // looks rules up by the exact type, not its ancestors.
  MedicalClinic: GoogleLocalBusinessRules,
  Physician: GoogleLocalBusinessRules,
  IndividualPhysician: GoogleLocalBusinessRules,
  LocalBusiness: GoogleLocalBusinessRules,
};

function parseArguments(argv) {
  const options = { vocabulary: DEFAULT_VOCABULARY };
  for (let index = 0; index < argv.length; index += 1) {
    if (argv[index] === '--vocabulary') {
      options.vocabulary = resolve(argv[(index += 1)]);
    } else {
      throw new Error(`unknown argument: ${argv[index]}`);
    }
  }
  return options;
}

function readVocabulary(file) {
  const bytes = readFileSync(file);
  return JSON.parse((file.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8'));
}

// The validator takes @marbec/web-auto-extractor's output: for each format,
// the top-level items grouped by their @type.
function asExtractedData(document) {
  const items = Array.isArray(document) ? document : document['@graph'] || [document];
  const jsonld = {};
  for (const item of items) {
    const type = Array.isArray(item['@type']) ? item['@type'].join(',') : item['@type'] || 'undefined';
    (jsonld[type] ||= []).push(item);
  }
  return { jsonld, microdata: {}, rdfa: {}, errors: [] };
}

function describePath(path = []) {
  return path
    .map((step) => {
      const type = Array.isArray(step.type) ? step.type.join(',') : step.type;
      const index = step.length > 1 || step.property === undefined ? `[${step.index ?? 0}]` : '';
      const name = step.property ? `${step.property}${index}` : `${type}${index}`;
      return step.property && type ? `${name}(${type})` : name;
    })
    .join(' > ');
}

async function main() {
  const options = parseArguments(process.argv.slice(2));
  const documents = JSON.parse(readFileSync(0, 'utf8'));
  if (!Array.isArray(documents)) {
    throw new Error('stdin must be a JSON array of JSON-LD documents');
  }
  const validator = new Validator(readVocabulary(options.vocabulary));
  for (const [type, rules] of Object.entries(addedRules)) {
    validator.registeredHandlers[type] = [
      ...(validator.registeredHandlers[type] || []),
      async () => ({ default: rules }),
    ];
  }
  const issues = [];
  for (const [index, document] of documents.entries()) {
    for (const issue of await validator.validate(asExtractedData(document))) {
      issues.push({
        document: index,
        severity: issue.severity,
        message: issue.issueMessage,
        path: describePath(issue.path),
        fields: issue.fieldNames || [],
      });
    }
  }
  process.stdout.write(`${JSON.stringify(issues, null, 2)}\n`);
}

main().catch((error) => {
  process.stderr.write(`${error.stack || error}\n`);
  process.exit(2);
});
