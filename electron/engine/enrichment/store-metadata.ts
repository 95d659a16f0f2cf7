import { sql } from 'drizzle-orm';
import type { AppDatabase } from '../db/open-database';
import { songs } from '../db/schema';
import type { SongMetadata } from '../soundcharts';

/**
 * Writes fetched metadata onto the song's row (inserting the song if only its uuid was known) and stamps
 * `metadata_fetched_at`. The row is keyed by the uuid that was asked for: should Soundcharts answer with another
 * uuid (merged songs), the song we hold still gets its metadata instead of being queued again forever.
 */
export function storeSongMetadata(
  database: AppDatabase,
  songUuid: string,
  metadata: SongMetadata,
  now: number,
): void {
  const values = {
    name: metadata.name,
    creditName: metadata.creditName,
    imageUrl: metadata.imageUrl,
    isrc: metadata.isrc,
    isrcCountryCode: metadata.isrcCountryCode,
    // Verbatim, offset included, like every Soundcharts datetime in the database.
    releaseDate: metadata.releaseDate,
    durationSeconds: metadata.durationSeconds,
    explicit: metadata.explicit,
    languageCode: metadata.languageCode,
    copyright: metadata.copyright,
    distributor: metadata.distributor,
    appUrl: metadata.appUrl,
    artistsJson: JSON.stringify(metadata.artists),
    genresJson: JSON.stringify(metadata.genres),
    labelsJson: JSON.stringify(metadata.labels),
    composersJson: JSON.stringify(metadata.composers),
    producersJson: JSON.stringify(metadata.producers),
    metadataFetchedAt: now,
    updatedAt: now,
  };
  database.db.transaction((tx) => {
    tx.insert(songs)
      .values({ uuid: songUuid, ...values, createdAt: now })
      .onConflictDoUpdate({
        target: songs.uuid,
        set: {
          ...values,
          // The ranking's light fields stay when metadata leaves them empty.
          name: sql`COALESCE(NULLIF(excluded.name, ''), ${songs.name})`,
          creditName: sql`COALESCE(NULLIF(excluded.credit_name, ''), ${songs.creditName})`,
          imageUrl: sql`COALESCE(excluded.image_url, ${songs.imageUrl})`,
        },
      })
      .run();
  });
}
