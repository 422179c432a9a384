import type { Server } from 'node:http'

export declare function serveStaticFolder(root: string, headers?: Record<string, string>): Promise<{ server: Server; url: string }>
