export declare const FAKE_CAMERA_TEXT: string;
export declare const FAKE_CAMERA_FILE: string;
export declare function writeFakeCamera(): string;
export declare function writeFakeCameraFor(text: string, path: string): string;
