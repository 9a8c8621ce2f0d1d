// Placeholder until the database test harness lands; see test/helpers/.
export default async function setup(): Promise<void> {}
