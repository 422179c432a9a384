/** What `migrate` needs of `pg`: a `Pool` or a `Client`. */
export interface Queryable {
  query(text: string): Promise<unknown>
}
