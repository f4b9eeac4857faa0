import { withWorkspace, type Request } from '../lib/flags';

async function listFolders(req: Request): Promise<string> {
  return `folders of ${req.workspace}`;
}

async function moveFolder(req: Request): Promise<string> {
  return `moved in ${req.workspace}`;
}

export const GET = withWorkspace(listFolders, { featureFlag: 'new-checkout' });

export const POST = withWorkspace(moveFolder, { featureFlag: 'new-checkout', roles: ['owner'] });
