/** Stands in for the host's own sign-in: the README's embed example calls it for every request. */
export async function getToken(): Promise<string> {
  return Promise.resolve('demo-token')
}
