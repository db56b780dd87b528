import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IMPORT_FORMATS, ROW_OUTCOMES, type ImportLang, type ImportPhase } from '@verkosto/exchange';

const upper = <T extends string>(values: readonly T[]) => Object.fromEntries(values.map((v) => [v.toUpperCase(), v.toUpperCase()])) as Record<Uppercase<T>, Uppercase<T>>;

export const ImportFormatEnum = upper(IMPORT_FORMATS);
export const ImportEncodingEnum = { TEXT: 'TEXT', BASE64: 'BASE64' } as const;
export const ImportRowOutcomeEnum = upper(ROW_OUTCOMES);
export const ImportSheetKindEnum = upper(['organisations', 'projects', 'activities', 'participations', 'registry'] as const);
export const ImportSeverityEnum = upper(['error', 'warning', 'info'] as const);
export const ImportPhaseEnum = upper(['reading', 'matching', 'writing', 'done', 'failed'] as const);
export const ImportLanguageEnum = upper(['fi', 'sv', 'en'] as const satisfies readonly ImportLang[]);

registerEnumType(ImportFormatEnum, { name: 'ImportFormat', description: 'CSV, XLSX, or REGISTRY: a CSV that must be the structural-fund project list.' });
registerEnumType(ImportEncodingEnum, { name: 'ImportEncoding', description: 'TEXT for a CSV file’s text, BASE64 for a file’s bytes (XLSX).' });
registerEnumType(ImportRowOutcomeEnum, { name: 'ImportRowOutcome' });
registerEnumType(ImportSheetKindEnum, { name: 'ImportSheetKind' });
registerEnumType(ImportSeverityEnum, { name: 'ImportSeverity', description: 'ERROR rejects the row; WARNING and INFO are remarks.' });
registerEnumType(ImportPhaseEnum, { name: 'ImportPhase' });
registerEnumType(ImportLanguageEnum, { name: 'ImportLanguage' });

export type ImportPhaseName = ImportPhase | 'failed';

@InputType({ description: 'A file to import: a template (organisations, projects, activities, participations) or the structural-fund list.' })
export class ImportInput {
  @Field({ description: 'The file’s name; .xlsx means a workbook.' }) fileName!: string;
  @Field({ description: 'The CSV text, or the file’s bytes in base64 (XLSX).' }) content!: string;
  @Field(() => ImportEncodingEnum, { nullable: true, description: 'Default: BASE64 for .xlsx names and the XLSX format, else TEXT.' })
  encoding?: keyof typeof ImportEncodingEnum | null;
  @Field(() => ImportFormatEnum, { nullable: true, description: 'Default: from the file name and content.' })
  format?: Uppercase<(typeof IMPORT_FORMATS)[number]> | null;
  @Field(() => Boolean, { nullable: true, description: 'Plan only: report what would happen, write nothing.' })
  dryRun?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: 'Write the valid rows even when others are rejected. Default: a rejected row stops the write.' })
  skipRejectedRows?: boolean | null;
  @Field(() => ImportLanguageEnum, { nullable: true, description: 'Language of message texts (default FI).' })
  language?: keyof typeof ImportLanguageEnum | null;
  @Field(() => String, { nullable: true, description: 'An id of the caller’s choosing (8–64 letters, digits, - or _): poll importJob(id) for progress while this runs.' })
  jobId?: string | null;
  @Field(() => [ImportRowOutcomeEnum], { nullable: true, description: 'Only rows with these outcomes (default: all).' })
  rowOutcomes?: (keyof typeof ImportRowOutcomeEnum)[] | null;
  @Field(() => Int, { nullable: true, description: 'At most this many rows in the answer, 1–5000 (default 500); totals count all.' })
  maxRows?: number | null;
}

@ObjectType()
export class ImportParam {
  @Field() name!: string;
  @Field() value!: string;
}

@ObjectType({ description: 'A remark on a row or the file: a stable code with parameters, and its text in the asked language.' })
export class ImportMessage {
  @Field(() => ImportSeverityEnum) severity!: string;
  @Field() code!: string;
  @Field() text!: string;
  @Field(() => [ImportParam]) params!: ImportParam[];
}

@ObjectType()
export class ImportRow {
  @Field({ description: 'The sheet (or file) the row is in.' }) sheet!: string;
  @Field(() => Int, { description: 'The row number a spreadsheet shows (the header is row 1).' }) line!: number;
  @Field(() => ImportSheetKindEnum) kind!: string;
  @Field(() => ImportRowOutcomeEnum) outcome!: string;
  @Field() label!: string;
  @Field(() => String, { nullable: true, description: 'The record created or matched (for registry rows, the project).' }) id!: string | null;
  @Field(() => [ImportMessage]) messages!: ImportMessage[];
}

@ObjectType()
export class ImportSheet {
  @Field() name!: string;
  @Field(() => ImportSheetKindEnum) kind!: string;
  @Field(() => Int) rows!: number;
}

@ObjectType({ description: 'Rows by outcome.' })
export class ImportTotals {
  @Field(() => Int) rows!: number;
  @Field(() => Int) created!: number;
  @Field(() => Int) updated!: number;
  @Field(() => Int) unchanged!: number;
  @Field(() => Int) merged!: number;
  @Field(() => Int) rejected!: number;
}

@ObjectType()
export class ImportCount {
  @Field(() => Int) created!: number;
  @Field(() => Int) updated!: number;
  @Field(() => Int) unchanged!: number;
}

@ObjectType({ description: 'Records created, updated and left unchanged, by kind.' })
export class ImportEntityCounts {
  @Field(() => ImportCount) organisations!: ImportCount;
  @Field(() => ImportCount) projects!: ImportCount;
  @Field(() => ImportCount) activities!: ImportCount;
  @Field(() => ImportCount) participations!: ImportCount;
}

@ObjectType()
export class ImportReport {
  @Field() fileName!: string;
  @Field(() => ImportFormatEnum) format!: string;
  @Field() dryRun!: boolean;
  @Field({ description: 'True when the changes were written: not a dry run, and no rejected row stopped it.' }) written!: boolean;
  @Field(() => Int) durationMs!: number;
  @Field(() => [ImportSheet]) sheets!: ImportSheet[];
  @Field(() => ImportTotals) totals!: ImportTotals;
  @Field(() => ImportEntityCounts) entities!: ImportEntityCounts;
  @Field(() => Int, { description: 'Distinct organisations named as funders.' }) funders!: number;
  @Field(() => Int, { description: 'Other spellings recorded on organisations they were merged into.' }) mergedNames!: number;
  @Field(() => [ImportMessage]) notices!: ImportMessage[];
  @Field(() => [ImportRow], { description: 'Rejected rows first, then merged, updated, created and unchanged; in file order within each.' })
  rows!: ImportRow[];
  @Field(() => Int, { description: 'Rows that match rowOutcomes; `rows` holds the first maxRows of them.' }) rowsMatching!: number;
}

@ObjectType({ description: 'A running or finished import, for progress: rows read or matched, or records written, of the total.' })
export class ImportJob {
  @Field(() => ID) id!: string;
  @Field(() => ImportPhaseEnum) phase!: string;
  @Field(() => Int) done!: number;
  @Field(() => Int) total!: number;
  @Field() startedAt!: string;
  @Field(() => String, { nullable: true }) finishedAt!: string | null;
  @Field(() => String, { nullable: true }) error!: string | null;
}
