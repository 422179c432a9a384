import type { Server } from 'node:http'

export declare function serveStaticFolder(root: string): Promise<{ server: Server; url: string }>
