import { ApiProperty } from '@nestjs/swagger';

export class BlockedUsersDto {
  @ApiProperty({ type: [String], description: 'ids of the users I have blocked, oldest block first' }) userIds: string[];
}
