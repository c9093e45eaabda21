import { Global, Module, type DynamicModule } from '@nestjs/common';
import type { AppConfig } from '../config/app-config.js';
import { FILE_STORAGE, type FileStorage } from './file-storage.js';
import { LocalDiskStorage } from './local-disk.storage.js';
import { createS3Client, S3Storage } from './s3.storage.js';

export function createFileStorage(storage: AppConfig['storage']): FileStorage {
  return storage.driver === 's3' && storage.s3 ? new S3Storage(createS3Client(storage.s3), storage.s3.bucket) : new LocalDiskStorage(storage.dir);
}

/** The file storage driver chosen by the configuration: local disk, or an S3-compatible store (STORAGE_DRIVER=s3). */
@Global()
@Module({})
export class StorageModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: StorageModule,
      providers: [{ provide: FILE_STORAGE, useValue: createFileStorage(config.storage) }],
      exports: [FILE_STORAGE],
    };
  }
}
