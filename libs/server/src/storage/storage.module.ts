import { Global, Module, type DynamicModule } from '@nestjs/common';
import type { AppConfig } from '../config/app-config.js';
import { FILE_STORAGE } from './file-storage.js';
import { LocalDiskStorage } from './local-disk.storage.js';

/** The file storage driver chosen by the configuration (local disk for now; S3-compatible later). */
@Global()
@Module({})
export class StorageModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: StorageModule,
      providers: [{ provide: FILE_STORAGE, useValue: new LocalDiskStorage(config.storage.dir) }],
      exports: [FILE_STORAGE],
    };
  }
}
