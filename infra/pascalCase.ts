/** `kms-key-shared-ami` → `KmsKeySharedAmi`; for CloudFormation logical ids and parameter names. */
export function pascalCase(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter((part) => part.length > 0)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}
