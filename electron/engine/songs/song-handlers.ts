import type { CallHandlers } from '../../../shared/contract/calls';
import type { HandlerContext } from '../api/handler-context';
import { listSongs, readSong, requireSong } from './read-songs';

export function songHandlers(
  context: HandlerContext,
): Pick<CallHandlers, 'songs/list' | 'songs/get' | 'songs/audience'> {
  const { database, engine, now } = context;
  return {
    'songs/list': (input) => listSongs(database, input),
    'songs/get': ({ song }) => readSong(database, song, now()),
    // By uuid or ISRC, as songs/get; the enrichment runner is kicked when something was queued.
    'songs/audience': ({ song, platform, refresh }) =>
      engine.songAudience(requireSong(database, song).uuid, { platform, refresh }),
  };
}
