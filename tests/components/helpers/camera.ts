/** Every camera track the page opens, to check that each one ends (the camera tests). */
export function watchTracks(): { tracks: MediaStreamTrack[]; restore(): void } {
  const tracks: MediaStreamTrack[] = [];
  const getUserMedia = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
  navigator.mediaDevices.getUserMedia = async (constraints) => {
    const stream = await getUserMedia(constraints);
    tracks.push(...stream.getTracks());
    return stream;
  };
  return { tracks, restore: () => (navigator.mediaDevices.getUserMedia = getUserMedia) };
}
