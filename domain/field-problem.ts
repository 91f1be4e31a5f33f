/**
 * One reason a record cannot be written, phrased for the person who has to fix the data.
 * `field` is the path of the target field (e.g. `vestigingsAdres.straat`), `message` says what is wrong and
 * where to change it.
 */
export interface FieldProblem {
  readonly field: string;
  readonly message: string;
}
